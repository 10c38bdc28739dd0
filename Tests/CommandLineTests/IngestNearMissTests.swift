import EcotopCore
import EcotopTestSupport
import Testing

/// `ingest` names a series one slip from a catalog metric, as `config check` does, and stores it.
@Suite struct IngestNearMissTests {
    @Test func aNearMissOfACatalogIdIsWarnedAboutOnceAndStored() throws {
        let store = TemporaryStore()
        let input = """
            {"ts":1800000000,"name":"usage.transactoins","value":5}
            {"ts":1800000060,"name":"usage.transactoins","value":6}
            {"ts":1800000000,"name":"usage.transactions","value":5}
            {"ts":1800000000,"name":"shop.orders","value":5}

            """
        let run = try EcotopBinary.run(["ingest", "--store", store.root, "-"], input: input)
        #expect(run.status == 0)
        let warning = "<stdin>:1: warning: series 'usage.transactoins' is not a catalog metric; did you mean 'usage.transactions'?"
        #expect(run.errors.contains(warning), "\(run.errors)")
        #expect(run.errors.components(separatedBy: "warning:").count == 2, "once, and not for shop.orders: \(run.errors)")
        #expect(run.output.contains("accepted 4 samples"))
    }
}
