import Foundation
@testable import EcotopPrometheus
import Testing

/// `PrometheusResponseReader` on bodies shaped like Prometheus's answers, and on bodies that
/// are not (the tests against a real server cover the answers it gives).
struct PrometheusResponseReaderTests {
    static func read(_ text: String) -> PrometheusResponse? {
        PrometheusResponseReader.read(Data(text.utf8))
    }

    @Test func aMatrixKeepsLabelsAndPairsAndSkipsWhatItDoesNotRead() throws {
        let body = """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"__name__":"m","say":"a \\"quoted\\" \\\\ path\\/x \\u00e9\\ud83d\\ude00\\n"},
               "values":[[1796192989.133,"48"],[1.5e3,"-0.25"]],"extra":{"nested":[1,[true,false,null]]}},
              {"metric":{},"values":[]}
            ]},"stats":{"timings":{"evalTotalTime":0.0593}},"infos":[]}
            """
        let response = try #require(Self.read(body))
        #expect(response.status == "success")
        guard case .result(let type, let series?) = response.data else {
            Issue.record("expected a result")
            return
        }
        #expect(type == "matrix")
        #expect(series.count == 2)
        #expect(series[0].metric == ["__name__": "m", "say": "a \"quoted\" \\ path/x é😀\n"])
        #expect(series[0].values?.map(\.time) == [1796192989.133, 1500])
        #expect(series[0].values?.map(\.text) == ["48", "-0.25"])
        #expect(series[0].values?.map(\.count) == [2, 2])
        #expect(series[1].metric == [:])
        #expect(series[1].values?.isEmpty == true)
    }

    @Test func aVectorAnErrorAndLabelSetsAreRead() throws {
        let vector = try #require(Self.read(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"b"},"value":[12,"3"]}]}}"#))
        guard case .result("vector"?, let series?) = vector.data else {
            Issue.record("expected a vector")
            return
        }
        #expect(series.first?.value?.time == 12 && series.first?.value?.text == "3")

        let error = try #require(Self.read(#"{"status":"error","errorType":"bad_data","error":"1:5: parse error","warnings":["one","two"]}"#))
        #expect(error.status == "error" && error.errorType == "bad_data" && error.error == "1:5: parse error")
        #expect(error.warnings == ["one", "two"])
        #expect(error.data == nil)

        let sets = try #require(Self.read(#" {"status":"success","data":[{"__name__":"m","job":"j"},{"__name__":"n"}]} "#))
        guard case .labelSets(let labels) = sets.data else {
            Issue.record("expected label sets")
            return
        }
        #expect(labels == [["__name__": "m", "job": "j"], ["__name__": "n"]])
    }

    @Test func partsOfAnotherShapeAreNil() throws {
        let response = try #require(Self.read("""
            {"status":7,"warnings":["a",1],"data":{"resultType":"matrix","result":[{"metric":{"a":1},"values":[["x","1"],[1,2,3]]}]}}
            """))
        #expect(response.status == nil)
        #expect(response.warnings == nil, "a list with an element of another shape is nil as a whole")
        guard case .result(_, let series?) = response.data else {
            Issue.record("expected a result")
            return
        }
        #expect(series[0].metric == nil)
        #expect(series[0].values?.map(\.time) == [nil, 1])
        #expect(series[0].values?.map(\.text) == ["1", nil])
        #expect(series[0].values?.map(\.count) == [2, 3])
        #expect(try #require(Self.read(#"{"data":"text"}"#)).data.map { if case .other = $0 { true } else { false } } == true)
    }

    @Test func aBodyThatIsNotOneJSONObjectIsNotRead() {
        let bodies = [
            "<html><body>Login</body></html>", "", "[]", #"{"status":"success""#, #"{"status":"success"} trailing"#,
            #"{"status":"succ\#u{01}ess"}"#, #"{"status":"\x"}"#, #"{"data":[1,]}"#, #"{"data":tru}"#, #"{"a" 1}"#,
            String(repeating: "[", count: 100_000),
            #"{"data":"# + String(repeating: #"{"a":"#, count: 10_000),
        ]
        for body in bodies {
            #expect(Self.read(body) == nil, "\(body.prefix(40))")
        }
    }
}
