use super::*;

#[test]
fn trunk_hashed_names_are_recognised() {
    for hashed in [
        "stackweigh-d96dd6fbb67765ff_bg.wasm",
        "stackweigh-d96dd6fbb67765ff.js",
        // Trunk's hash with a leading zero, as Trunk writes it (15 digits).
        "stackweigh-df23ec60c2a2eca_bg.wasm",
        "main-ec988fcf3b85f63a.css",
        "details-9f926b3a4397cbb6.txt",
        "sw-register-6ee32f6dda9ad54c.js",
        "favicon-c854895dcf50e784.svg",
    ] {
        assert!(is_hashed(hashed), "{hashed}");
    }
    for plain in [
        "index.html",
        "sw.js",
        "embed.js",
        "manifest.webmanifest",
        "stackweigh.html",
        "icon-192.png",
        "app-ABCDEF0123456789.js",
        "app-0123456789a.js",
        "-0123456789abcdef.js",
        "0123456789abcdef.js",
    ] {
        assert!(!is_hashed(plain), "{plain}");
    }
}

/// The rules of a `_headers` text: each URL pattern with its headers.
fn rules(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        match line.strip_prefix("  ").and_then(|h| h.split_once(": ")) {
            Some((name, value)) => (out.last_mut().expect("a header under a path").1)
                .push((name.to_string(), value.to_string())),
            None => out.push((line.to_string(), Vec::new())),
        }
    }
    out
}

const WORKER: &str = "reports-0123456789abcdef.js";

fn bundle() -> (Vec<String>, BTreeMap<String, String>) {
    let files = [
        "index.html",
        "embed.html",
        "stackweigh.html",
        "sw.js",
        "embed.js",
        "manifest.webmanifest",
        "main-ec988fcf3b85f63a.css",
        "stackweigh-d96dd6fbb67765ff_bg.wasm",
        WORKER,
        "reports-0123456789abcdef_bg.wasm",
        "index-ml_ai.html",
        "embed-ml_ai.html",
        "_redirects",
        "_headers",
    ];
    let policies = [
        "index.html",
        "embed.html",
        "stackweigh.html",
        "index-ml_ai.html",
        "embed-ml_ai.html",
    ]
    .map(|doc| (doc.to_string(), format!("default-src 'self' /*{doc}*/")));
    (files.map(String::from).to_vec(), BTreeMap::from(policies))
}

/// The headers of one URL: the one rule naming it, after `/*`'s.
fn headers_of(url: &str) -> BTreeMap<String, String> {
    let (files, policies) = bundle();
    let rules = rules(&headers(&files, &policies));
    let found: Vec<_> = rules.iter().filter(|(p, _)| p == url).collect();
    assert_eq!(found.len(), 1, "one rule for {url}");
    found[0].1.iter().cloned().collect()
}

#[test]
fn every_response_gets_cors_nosniff_referrer_and_permissions_once() {
    let (files, policies) = bundle();
    let rules = rules(&headers(&files, &policies));
    let every: Vec<(String, String)> = (EVERY_FILE.iter())
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    assert_eq!(rules[0], ("/*".to_string(), every));
    for (url, own) in &rules[1..] {
        for (name, _) in own {
            assert!(
                EVERY_FILE.iter().all(|(n, _)| n != name),
                "{url} repeats {name}"
            );
        }
    }
    assert!(
        PERMISSIONS_POLICY.contains("camera=()") && !PERMISSIONS_POLICY.contains("clipboard-write")
    );
    assert!(rules.iter().all(|(p, _)| p != "/_headers"));
}

#[test]
fn every_file_gets_one_cache_rule() {
    for revalidated in [
        "/",
        "/index.html",
        "/sw.js",
        "/embed.js",
        "/embed.html",
        "/manifest.webmanifest",
    ] {
        assert_eq!(
            headers_of(revalidated)["Cache-Control"],
            REVALIDATE,
            "{revalidated}"
        );
    }
    for immutable in [
        "/main-ec988fcf3b85f63a.css",
        "/stackweigh-d96dd6fbb67765ff_bg.wasm",
    ] {
        assert_eq!(
            headers_of(immutable)["Cache-Control"],
            IMMUTABLE,
            "{immutable}"
        );
    }
}

#[test]
fn the_page_may_be_framed_by_itself_only_and_the_embed_by_anyone() {
    for page in ["/", "/index.html", "/stackweigh.html", "/stackweigh"] {
        let own = headers_of(page);
        let policy = &own["Content-Security-Policy"];
        assert!(
            policy.starts_with("default-src 'self' /*")
                && policy.ends_with("; frame-ancestors 'self'"),
            "{page}: {policy}"
        );
        assert_eq!(own["Cross-Origin-Opener-Policy"], "same-origin", "{page}");
    }
    assert!(headers_of("/")
        .get("Content-Security-Policy")
        .is_some_and(|p| p.contains("index.html")));
    for embed in ["/embed.html", "/embed"] {
        let own = headers_of(embed);
        assert_eq!(
            own["Content-Security-Policy"], "default-src 'self' /*embed.html*/",
            "{embed}"
        );
        assert!(!own.contains_key("Cross-Origin-Opener-Policy"));
    }
}

#[test]
fn a_use_cases_page_is_framed_by_itself_only_and_its_embed_by_anyone() {
    for page in ["/index-ml_ai.html", "/index-ml_ai"] {
        let own = headers_of(page);
        assert_eq!(
            own["Content-Security-Policy"],
            "default-src 'self' /*index-ml_ai.html*/; frame-ancestors 'self'"
        );
        assert_eq!(own["Cross-Origin-Opener-Policy"], "same-origin", "{page}");
    }
    for embed in ["/embed-ml_ai.html", "/embed-ml_ai"] {
        let own = headers_of(embed);
        assert_eq!(
            own["Content-Security-Policy"],
            "default-src 'self' /*embed-ml_ai.html*/"
        );
        assert!(!own.contains_key("Cross-Origin-Opener-Policy"));
    }
    assert_eq!(headers_of("/_redirects")["Cache-Control"], REVALIDATE);
}

/// Cloudflare Pages reads at most 100 rules from `_headers`.
#[test]
fn every_document_of_the_real_bundle_fits_cloudflares_rule_limit() {
    let (mut files, mut policies) = bundle();
    for document in super::answers::documents() {
        policies.insert(document.clone(), "default-src 'self'".into());
        files.push(document);
    }
    files.sort();
    files.dedup();
    let count = rules(&headers(&files, &policies)).len();
    assert!(count <= 100, "{count} rules");
}

#[test]
fn the_workers_get_a_minimal_policy_and_other_files_none() {
    assert_eq!(
        headers_of("/sw.js")["Content-Security-Policy"],
        csp::SERVICE_WORKER_POLICY
    );
    assert_eq!(
        headers_of(&format!("/{WORKER}"))["Content-Security-Policy"],
        csp::REPORTS_WORKER_POLICY
    );
    for other in [
        "/embed.js",
        "/reports-0123456789abcdef_bg.wasm",
        "/main-ec988fcf3b85f63a.css",
    ] {
        assert!(
            !headers_of(other).contains_key("Content-Security-Policy"),
            "{other}"
        );
    }
}

fn temp_bundle(
    name: &str,
    files: &[(&str, &str)],
) -> (std::path::PathBuf, Result<(), String>, String) {
    let dir = std::env::temp_dir().join(format!("sw-headers-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, contents) in files {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().expect("a folder")).expect("temp dir");
        std::fs::write(full, contents).expect("fixture");
    }
    let outcome = write(&dir);
    let text = std::fs::read_to_string(dir.join(FILE_NAME)).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    (dir, outcome, text)
}

const SECURED: &str = r#"<meta charset=utf-8><meta http-equiv="Content-Security-Policy" content="default-src 'self'">"#;

#[test]
fn the_step_lists_the_real_folder_and_reads_each_documents_policy() {
    let (_, outcome, text) = temp_bundle(
        "real",
        &[
            ("index.html", SECURED),
            ("app-0123456789abcdef.js", "x"),
            ("snippets/a-0123456789abcdef/inline0.js", "x"),
            (".stage/left-over", "x"),
            (".hidden", "x"),
        ],
    );
    assert_eq!(outcome, Ok(()));
    assert!(text.contains(&format!(
        "/app-0123456789abcdef.js\n  Cache-Control: {IMMUTABLE}"
    )));
    assert!(text.contains("/snippets/a-0123456789abcdef/inline0.js\n  Cache-Control: no-cache"));
    assert!(text.contains("/index.html\n  Cache-Control: no-cache\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'\n"));
    assert!(!text.contains("left-over") && !text.contains("hidden"));
}

#[test]
fn a_folder_without_the_page_or_a_document_without_its_policy_is_refused() {
    let (_, outcome, _) = temp_bundle("empty", &[("a.js", "x")]);
    assert!(outcome.is_err_and(|e| e.contains("index.html")));
    let (_, outcome, _) = temp_bundle("bare", &[("index.html", SECURED), ("embed.html", "<p>")]);
    assert!(outcome.is_err_and(|e| e.contains("embed.html has no Content-Security-Policy")));
}
