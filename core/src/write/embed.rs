//! Embedding one view in another site: the iframe snippet, and the message the embedded page
//! posts to its parent with its height, so the host can size the frame to its content.

/// The `type` of the message an embedded page posts: `{type: "lta-dashboard:height", height}`.
pub const EMBED_HEIGHT_MESSAGE: &str = "lta-dashboard:height";

/// The HTML a host pastes: the iframe and a few lines that resize it. `site` is the dashboard's
/// origin and path (`https://example.nl/lta/`), `query` the view's state with `embed=1`.
///
/// ```
/// let html = lta_core::embed_snippet("https://example.nl/lta/", "?view=landsdelen&embed=1", "LTA: Landsdelen");
/// assert!(html.starts_with(r#"<iframe src="https://example.nl/lta/?view=landsdelen&amp;embed=1" title="LTA: Landsdelen""#));
/// assert!(html.contains(r#"e.origin !== "https://example.nl""#));
/// ```
pub fn embed_snippet(site: &str, query: &str, title: &str) -> String {
    let origin = site.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    let src = format!("{site}{query}").replace('&', "&amp;");
    let title = title.replace('"', "&quot;");
    format!(
        r#"<iframe src="{src}" title="{title}" style="width:100%;border:0;height:600px" loading="lazy"></iframe>
<script>
addEventListener("message", function (e) {{
  if (e.origin !== "{origin}" || !e.data || e.data.type !== "{EMBED_HEIGHT_MESSAGE}") return;
  document.querySelectorAll("iframe").forEach(function (f) {{
    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  }});
}});
</script>"#
    )
}
