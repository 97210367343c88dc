import PageChecks
import Testing

/// The checker every HTML-rendering test calls (`Tests/PageChecks`): it must
/// flag what would load from outside a page and pass what stays inside.
@Suite struct OfflinePageTests {
    @Test(arguments: [
        #"<img src="http://evil.example/x.png">"#,
        #"<img src='/abs/secret.png'>"#,
        #"<img src=x.png>"#,
        #"<img srcset="a.png 2x">"#,
        #"<a href="javascript:alert(1)">x</a>"#,
        #"<a href="&#106;avascript:alert(1)">x</a>"#,
        #"<a href="data:text/html,hi">x</a>"#,
        #"<link rel="stylesheet" href="https://cdn.example/k.css">"#,
        #"<svg><image xlink:href="http://x/y.png"/></svg>"#,
        #"<svg><use href="other.svg#a"/></svg>"#,
        #"<p style="background: url(http://x/y.png)">"#,
        #"<style>@import "https://x/y.css";</style>"#,
        #"<style>body { background: url('/y.png') }</style>"#,
        #"<script>1</script>"#,
        #"<iframe></iframe>"#,
        #"<meta http-equiv="refresh" content="0; url=http://x">"#,
        #"<form action="http://x"></form>"#,
    ])
    func flagsWhatLoadsFromOutside(_ html: String) {
        #expect(!OfflinePage.outsideReferences(in: html).isEmpty, "\(html)")
    }

    @Test(arguments: [
        #"<p>&lt;img src=&quot;http://evil.example/x.png&quot;&gt;</p>"#,
        #"<img src="data:image/png;base64,AAAA">"#,
        ##"<a href="#problem-1">1</a> <a href="001-ann/questions.html">q</a>"##,
        #"<a href="https://example.org/notes">notes</a> <a href="mailto:t@example.org">t</a> <a href="">j</a>"#,
        ##"<svg><defs><marker id="m"/></defs><path marker-end="url(#m)"/><use href="#m"/></svg>"##,
        #"<style>.a > .b { color: red }</style><meta charset="utf-8">"#,
    ])
    func passesWhatStaysInside(_ html: String) {
        #expect(OfflinePage.outsideReferences(in: html) == [], "\(html)")
    }
}
