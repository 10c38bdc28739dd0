#!/bin/sh
# Ecotop `exec` plugin (docs/plugins.md): a one-shot run every interval. It prints one record
# per line on stdout, here one InfluxDB line-protocol line and one JSON line, and exits 0.
# Anything on stderr is only read when it fails: its first line becomes the error message.
#
# A real plugin would ask the shop's API; this one reads its numbers from the environment
# (set them with `env:` in the collector's configuration).
set -eu

orders="${ORDERS_PER_MINUTE:-420}"
users="${ACTIVE_USERS:-2600}"
shop="${SHOP:-eu}"

case "$orders" in
    ''|*[!0-9]*) echo "ORDERS_PER_MINUTE must be a whole number, not '$orders'" >&2; exit 2 ;;
esac

# Influx line protocol: measurement,tags fields [timestamp]; without a timestamp the
# collection time is used. The series is named `shop.orders_per_minute`.
printf 'shop,shop=%s orders_per_minute=%si\n' "$shop" "$orders"

# The store's JSON lines shape: ts (unix seconds), name, labels, value.
printf '{"ts":%s,"name":"usage.active_users","labels":{"shop":"%s"},"value":%s}\n' "$(date +%s)" "$shop" "$users"
