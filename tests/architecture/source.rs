//! The crate's source read as Rust: every module (from `lib.rs` through its
//! `mod` declarations, `#[path]` included), every path a module names (in a
//! `use`, an expression, a type or a macro), and every function's length.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::Visit;

/// A module: its path from the crate root (`["core", "page", "update"]`),
/// the file it is written in, and whether it is a `mod x { … }` inside it.
#[derive(Debug, Clone)]
pub struct Module {
    pub path: Vec<String>,
    pub file: PathBuf,
    pub inline: bool,
}

/// A path one module names, where it names it.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The module of the file it is written in (an inline module's file).
    pub from: Vec<String>,
    pub file: PathBuf,
    pub line: usize,
    /// The crate it names (`yew`, `web_sys`…), when it is not this one.
    pub external: Option<String>,
    /// The module of this crate it names (the longest known prefix).
    pub target: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Function {
    pub file: PathBuf,
    pub name: String,
    pub line: usize,
    pub lines: usize,
}

#[derive(Debug, Default)]
pub struct Source {
    pub modules: Vec<Module>,
    pub references: Vec<Reference>,
    pub functions: Vec<Function>,
    /// Parsed later: a reference is resolved once every module is known.
    raw: Vec<(Vec<String>, Vec<String>, PathBuf, usize)>,
}

impl Source {
    /// The library crate (`src/lib.rs` and every module it declares).
    pub fn library(src: &Path) -> Source {
        let mut source = Source::default();
        source.load(&src.join("lib.rs"), Vec::new(), src.to_path_buf());
        let known: HashSet<Vec<String>> = source.modules.iter().map(|m| m.path.clone()).collect();
        let raw = std::mem::take(&mut source.raw);
        for (module, path, file, line) in raw {
            let from = source.file_module(&file);
            if let Some(reference) = resolve(&known, &module, &path, from, file, line) {
                source.references.push(reference);
            }
        }
        source
    }

    /// The module a file is (an inline module's file is its enclosing one).
    pub fn file_module(&self, file: &Path) -> Vec<String> {
        self.modules
            .iter()
            .find(|m| !m.inline && m.file == file)
            .map(|m| m.path.clone())
            .unwrap_or_default()
    }

    fn load(&mut self, file: &Path, module: Vec<String>, children: PathBuf) {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        self.modules.push(Module {
            path: module.clone(),
            file: file.to_path_buf(),
            inline: false,
        });
        self.items(&parsed.items, &module, file, &children);
    }

    fn items(&mut self, items: &[syn::Item], module: &[String], file: &Path, children: &Path) {
        for item in items {
            match item {
                syn::Item::Mod(declared) => self.module(declared, module, file, children),
                syn::Item::Use(used) => {
                    let mut paths = Vec::new();
                    use_paths(&used.tree, Vec::new(), &mut paths);
                    for path in paths {
                        let line = used.span().start().line;
                        self.raw
                            .push((module.to_vec(), path, file.to_path_buf(), line));
                    }
                }
                other => {
                    let mut names = Names::default();
                    names.visit_item(other);
                    for (path, line) in names.paths {
                        self.raw
                            .push((module.to_vec(), path, file.to_path_buf(), line));
                    }
                    for function in names.functions {
                        self.functions.push(Function {
                            file: file.to_path_buf(),
                            ..function
                        });
                    }
                }
            }
        }
    }

    fn module(&mut self, declared: &syn::ItemMod, parent: &[String], file: &Path, dir: &Path) {
        let name = declared.ident.to_string();
        let mut path = parent.to_vec();
        path.push(name.clone());
        if let Some((_, items)) = &declared.content {
            self.modules.push(Module {
                path: path.clone(),
                file: file.to_path_buf(),
                inline: true,
            });
            return self.items(items, &path, file, &dir.join(&name));
        }
        let explicit = declared.attrs.iter().find_map(path_attribute);
        let child = match explicit {
            // `#[path]` is relative to the declaring file's own folder.
            Some(relative) => file.parent().unwrap_or(dir).join(relative),
            None if dir.join(format!("{name}.rs")).exists() => dir.join(format!("{name}.rs")),
            None => dir.join(&name).join("mod.rs"),
        };
        let grandchildren = if child.ends_with("mod.rs") {
            child.parent().unwrap_or(dir).to_path_buf()
        } else {
            dir.join(&name)
        };
        self.load(&child, path, grandchildren);
    }
}

fn path_attribute(attribute: &syn::Attribute) -> Option<String> {
    let syn::Meta::NameValue(pair) = &attribute.meta else {
        return None;
    };
    if !pair.path.is_ident("path") {
        return None;
    }
    match &pair.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}

/// Every path a `use` tree names, groups spread out (`a::{b, c}` → `a::b`, `a::c`).
fn use_paths(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let with = |name: String| {
        let mut path = prefix.clone();
        path.push(name);
        path
    };
    match tree {
        syn::UseTree::Path(p) => use_paths(&p.tree, with(p.ident.to_string()), out),
        syn::UseTree::Name(n) => out.push(with(n.ident.to_string())),
        syn::UseTree::Rename(r) => out.push(with(r.ident.to_string())),
        syn::UseTree::Glob(_) => out.push(prefix),
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                use_paths(tree, prefix.clone(), out);
            }
        }
    }
}

/// The paths an item names (and the idents inside its macros, which syn
/// cannot read as paths), and the functions it defines.
#[derive(Default)]
struct Names {
    paths: Vec<(Vec<String>, usize)>,
    functions: Vec<Function>,
}

impl Names {
    fn function(&mut self, name: &syn::Ident, span: proc_macro2::Span) {
        let (start, end) = (span.start().line, span.end().line);
        self.functions.push(Function {
            file: PathBuf::new(),
            name: name.to_string(),
            line: start,
            lines: end + 1 - start,
        });
    }

    fn tokens(&mut self, tokens: TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut line = 0;
        for token in tokens {
            match token {
                TokenTree::Ident(ident) => {
                    if run.is_empty() {
                        line = ident.span().start().line;
                    }
                    run.push(ident.to_string());
                }
                TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() => continue,
                TokenTree::Group(group) => {
                    self.flush(&mut run, line);
                    self.tokens(group.stream());
                }
                _ => self.flush(&mut run, line),
            }
        }
        self.flush(&mut run, line);
    }

    /// A run of `a::b::c` idents in a macro's tokens is a path it may name.
    fn flush(&mut self, run: &mut Vec<String>, line: usize) {
        if !run.is_empty() {
            self.paths.push((std::mem::take(run), line));
        }
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.paths.push((segments, path.span().start().line));
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
        syn::visit::visit_macro(self, mac);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.function(&item.sig.ident, item.span());
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.function(&item.sig.ident, item.span());
        syn::visit::visit_impl_item_fn(self, item);
    }

    // Nested modules are read by `Source::module`, not as part of an item.
    fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {}
}

/// What `path`, named in `module`, points at: a module of this crate (the
/// longest known prefix), another crate, or nothing worth keeping (a local
/// name, a type parameter, a primitive).
fn resolve(
    known: &HashSet<Vec<String>>,
    module: &[String],
    path: &[String],
    from: Vec<String>,
    file: PathBuf,
    line: usize,
) -> Option<Reference> {
    let first = path.first()?;
    let mut absolute: Vec<String> = match first.as_str() {
        "crate" | "stackweigh" => Vec::new(),
        "self" | "super" => module.to_vec(),
        _ => {
            let mut child = module.to_vec();
            child.push(first.clone());
            if known.contains(&child) {
                module.to_vec()
            } else {
                let external = (path.len() > 1).then(|| first.clone());
                return external.map(|name| Reference {
                    from,
                    file,
                    line,
                    external: Some(name),
                    target: None,
                });
            }
        }
    };
    let mut rest = path.iter();
    if matches!(first.as_str(), "crate" | "stackweigh" | "self") {
        rest.next();
    }
    for segment in rest {
        match segment.as_str() {
            "super" => {
                absolute.pop();
            }
            "self" => {}
            name => absolute.push(name.to_string()),
        }
    }
    while !absolute.is_empty() && !known.contains(&absolute) {
        absolute.pop();
    }
    Some(Reference {
        from,
        file,
        line,
        external: None,
        target: Some(absolute),
    })
}
