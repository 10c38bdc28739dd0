/// The commented configuration `ecotop init` writes: a small ecosystem to edit and one `exec`
/// collector that works as written. It passes `ecotop config check` (a test makes sure).
public enum StarterConfig {
    public static let text = #"""
        # Ecotop configuration. Every field is described in docs/config.md;
        # check your edits with `ecotop config check`.

        # The map of your ecosystem: the platforms you run, how they connect, who your partners are.
        ecosystem:
          name: My shop
          components:
            # kind: storefront, crm, cdp, payments, shipping, analytics, email, advertising,
            #       reviews, loyalty, partner_app or other; role: hub or endpoint
            - {id: storefront, name: Storefront, kind: storefront, role: hub}
            - {id: crm, name: CRM, kind: crm, role: hub}
            - {id: payments, name: Payment gateway, kind: payments, role: endpoint}
            - {id: email, name: Email service, kind: email, role: endpoint}
          integrations:
            # protocol: api, webhook, native or middleware; critical: the business stops without it
            - {from: storefront, to: payments, protocol: api, critical: true}
            - {from: storefront, to: crm, protocol: webhook}
            - {from: crm, to: email, protocol: native}
          partners:
            # tier: strategic, technology, reseller or community
            - {id: payco, name: PayCo, tier: technology, components: [payments]}

        # What collects the numbers. Each collector runs every `interval`; see docs/plugins.md
        # for the exec and daemon plugin contract.
        collectors:
          - name: partners
            type: exec
            interval: 1m
            timeout: 5s
            # Run directly, never through a shell; print one record per line on stdout, as
            # InfluxDB line protocol or the store's JSON lines.
            argv: [printf, 'ecosystem,source=starter active_partners=42i\n']
            mapping:
              # Influx `measurement field` arrives as the series `measurement.field`.
              - match: ecosystem.active_partners
                metric: participation.active_partners

        # Per-metric overrides: thresholds (warn, critical), unit, expected_interval.
        metrics:
          participation.active_partners:
            thresholds: {warn: 40, critical: 30}
            expected_interval: 1m

        # Weights of the health score (a missing weight is 1).
        health:
          families: {participation: 1, usage: 2, value: 1, qualitative: 0.5}

        # Where collected data is stored (default: $XDG_DATA_HOME/ecotop, else ~/.local/share/ecotop).
        # store:
        #   path: ~/.local/share/ecotop
        #   fsync_interval: 5s

        """#
}
