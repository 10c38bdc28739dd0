import EcotopCore
import Foundation
import Testing
@testable import EcotopStore
import EcotopTestSupport

/// `ecotop annotate` through the real binary: what it writes to the events log, how it is read
/// back, and what it refuses.
@Suite struct AnnotateCommandTests {
    @Test func anAnnotationIsWrittenToTheEventsLogAndReadBack() throws {
        let store = TemporaryStore()
        let text = "checkout v2 \u{1B}[31mreleased\u{1B}]0;owned\u{07} \u{202E}txt"
        let run = try EcotopBinary.run([
            "annotate", text, "--kind", "deploy", "--component", "storefront", "--at", "-10m", "--store", store.root,
        ])
        #expect(run.status == 0, "\(run.errors)")
        let now = Date().timeIntervalSince1970
        let annotations = try store.reader().annotations(from: now - 3_600, to: now + 60)
        let annotation = try #require(annotations.first)
        #expect(annotations.count == 1)
        #expect(annotation.kind == .deploy)
        #expect(annotation.text == text, "stored as given; sanitized only when shown")
        #expect(annotation.component == "storefront")
        #expect(annotation.integration == nil)
        #expect(abs(annotation.timestamp - (now - 600)) < 30)
    }

    @Test func aNoteIsTheDefaultAndAnIntegrationMayBeNamed() throws {
        let store = TemporaryStore()
        let run = try EcotopBinary.run(["annotate", "stripe rate limit raised", "--integration", "storefront->stripe", "--store", store.root])
        #expect(run.status == 0, "\(run.errors)")
        let now = Date().timeIntervalSince1970
        let annotation = try #require(try store.reader().annotations(from: now - 60, to: now + 60).first)
        #expect(annotation.kind == .note)
        #expect(annotation.integration == "storefront->stripe")
        #expect(annotation.component == nil)
    }

    @Test(arguments: [
        (["annotate", "x", "--kind", "release"], "'deploy', 'onboarding', 'incident' or 'note'"),
        (["annotate", "   "], "the annotation's text is empty"),
        (["annotate", "x", "--component", ""], "--component is empty"),
        (["annotate", "x", "--at", "yesterday-ish"], "yesterday-ish"),
    ])
    func badInputIsRefusedAndWritesNothing(arguments: [String], message: String) throws {
        let store = TemporaryStore()
        let run = try EcotopBinary.run(arguments + ["--store", store.root])
        #expect(run.status != 0)
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: store.root), "nothing is written")
    }

    @Test func withAConfigurationTheComponentMustBeOneOfItsEcosystem() throws {
        let store = TemporaryStore()
        let config = try store.file(named: "eco.yaml", containing: """
            ecosystem:
              components:
                - {id: storefront, kind: storefront, role: hub}
            collectors: []
            store: {path: \(store.root)}
            """)
        let wrong = try EcotopBinary.run(["annotate", "x", "--component", "storefrnt", "--config", config])
        #expect(wrong.status != 0)
        #expect(wrong.errors.contains("--component 'storefrnt' is not in \(config); did you mean 'storefront'?"), "\(wrong.errors)")
        let right = try EcotopBinary.run(["annotate", "x", "--component", "storefront", "--config", config])
        #expect(right.status == 0, "\(right.errors)")
    }
}
