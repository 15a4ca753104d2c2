//! Short names for a wasm's imports. wasm-bindgen names each one after the
//! JS it calls and a hash, `__wbg_addEventListener_847fd86b8c33ec43`; the
//! name is written twice, in the wasm's import section and as a key of the
//! glue's import object, and its hex digits do not compress. The page has
//! about 190 of them: 3.3 kB gzip of its wasm and 2.4 kB of its glue. This
//! renames each import to a short name (`a`, `b`, … `ba`, …) in both files,
//! and refuses (so the build fails) unless every name is found exactly once
//! in the glue.

/// The wasm and its glue with every import renamed.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let mut names = Vec::new();
    let wasm = rename_imports(wasm, |old| {
        let new = short_name(names.len());
        names.push((old.to_string(), new.clone()));
        new
    })?;
    let mut glue = glue.to_string();
    for (old, new) in &names {
        let found = key_positions(&glue, old);
        let [at] = found[..] else {
            return Err(format!(
                "the import {old} is in the glue {} times, not once as a key",
                found.len()
            ));
        };
        glue.replace_range(at..at + old.len(), new);
    }
    Ok((wasm, glue))
}

/// `a`…`z`, `A`…`Z`, then two letters: never a JS keyword, never `__proto__`.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.insert(0, LETTERS[index % LETTERS.len()]);
        index /= LETTERS.len();
        if index == 0 {
            break;
        }
        index -= 1;
    }
    let name = String::from_utf8(name).unwrap_or_default();
    // Two letters can spell a keyword; skip those few.
    if matches!(name.as_str(), "do" | "if" | "in") {
        return format!("{name}_");
    }
    name
}

/// Where `name` stands in `glue` as a whole word, each followed by `:`.
fn key_positions(glue: &str, name: &str) -> Vec<usize> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    glue.match_indices(name)
        .filter(|(at, _)| {
            let before = glue[..*at].chars().next_back();
            let after = glue[at + name.len()..].trim_start();
            !before.is_some_and(word)
                && !glue[at + name.len()..].starts_with(word)
                && after.starts_with(':')
        })
        .map(|(at, _)| at)
        .collect()
}

/// The module with each import's name replaced by `rename(old)`.
fn rename_imports(wasm: &[u8], mut rename: impl FnMut(&str) -> String) -> Result<Vec<u8>, String> {
    const HEADER: usize = 8;
    if wasm.len() < HEADER || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = wasm[..HEADER].to_vec();
    let mut reader = Reader {
        bytes: wasm,
        at: HEADER,
    };
    while reader.at < wasm.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let body = reader.take(size)?;
        out.push(id);
        if id == IMPORT_SECTION {
            let section = renamed_section(body, &mut rename)?;
            write_leb(&mut out, section.len() as u64);
            out.extend(section);
        } else {
            write_leb(&mut out, size as u64);
            out.extend_from_slice(body);
        }
    }
    Ok(out)
}

const IMPORT_SECTION: u8 = 2;

fn renamed_section(
    body: &[u8],
    rename: &mut impl FnMut(&str) -> String,
) -> Result<Vec<u8>, String> {
    let mut reader = Reader { bytes: body, at: 0 };
    let count = reader.leb()?;
    let mut out = Vec::new();
    write_leb(&mut out, count);
    for _ in 0..count {
        let module = reader.name()?;
        let field = std::str::from_utf8(reader.name()?)
            .map_err(|_| "an import's name is not UTF-8".to_string())?;
        let start = reader.at;
        reader.import_description()?;
        let new = rename(field);
        for name in [module, new.as_bytes()] {
            write_leb(&mut out, name.len() as u64);
            out.extend_from_slice(name);
        }
        out.extend_from_slice(&body[start..reader.at]);
    }
    if reader.at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], String> {
        let end = (self.at.checked_add(count))
            .filter(|&end| end <= self.bytes.len())
            .ok_or("the wasm module ends early")?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    /// An unsigned (or, read as bits, a signed) LEB128 number.
    fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = self.byte()?;
            if shift >= 64 {
                return Err("a number in the wasm module is too long".into());
            }
            value |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
    }

    fn name(&mut self) -> Result<&'a [u8], String> {
        let length = self.leb()? as usize;
        self.take(length)
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }

    /// What is imported: a function, table, memory, global or tag.
    fn import_description(&mut self) -> Result<(), String> {
        match self.byte()? {
            0 => self.leb().map(drop),
            1 => {
                // A reference type: one byte, or a prefix and a heap type.
                if matches!(self.byte()?, 0x63 | 0x64) {
                    self.leb()?;
                }
                self.limits()
            }
            2 => self.limits(),
            3 => self.take(2).map(drop),
            4 => {
                self.byte()?;
                self.leb().map(drop)
            }
            kind => Err(format!("an import of unknown kind {kind}")),
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions, a memory and a global, then a
    /// type section (kept as it is).
    fn module() -> Vec<u8> {
        let mut imports = vec![4];
        for (field, description) in [
            ("__wbg_log_0123456789abcdef", vec![0, 0]),
            ("__wbg_now_fedcba9876543210", vec![0, 1]),
            ("memory", vec![2, 1, 1, 2]),
            ("__wbindgen_flag", vec![3, 0x7f, 0]),
        ] {
            for name in [b"./app_bg.js".as_slice(), field.as_bytes()] {
                write_leb(&mut imports, name.len() as u64);
                imports.extend(name);
            }
            imports.extend(description);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.push(1);
        wasm.extend([4, 1, 0x60, 0, 0]);
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, imports.len() as u64);
        wasm.extend(imports);
        wasm
    }

    fn imported_names(wasm: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        rename_imports(wasm, |old| {
            names.push(old.to_string());
            old.to_string()
        })
        .expect("a module");
        names
    }

    const GLUE: &str = "const i={__proto__:null,__wbg_log_0123456789abcdef:function(n){console.log(n)},__wbg_now_fedcba9876543210 : function(){return Date.now()},memory:m,__wbindgen_flag:0};";

    #[test]
    fn every_import_gets_a_short_name_in_the_wasm_and_the_glue_alike() {
        let (wasm, glue) = shorten(&module(), GLUE).expect("shortened");
        assert_eq!(imported_names(&wasm), ["a", "b", "c", "d"]);
        assert_eq!(
            glue,
            "const i={__proto__:null,a:function(n){console.log(n)},b : function(){return Date.now()},c:m,d:0};"
        );
        // Everything but the names is as it was: the type section, each
        // import's module and description.
        assert_eq!(&wasm[..13], &module()[..13]);
        assert_eq!(imported_names(&module()).len(), 4);
    }

    #[test]
    fn a_name_the_glue_does_not_hold_once_as_a_key_fails_the_build() {
        let missing = GLUE.replace("__wbg_now_fedcba9876543210 :", "other:");
        let error = shorten(&module(), &missing).expect_err("refused");
        assert!(error.contains("__wbg_now_fedcba9876543210"), "{error}");
        let twice = format!("{GLUE}x.__wbg_log_0123456789abcdef:1");
        assert!(shorten(&module(), &twice).is_err());
        // A longer name that starts with an import's is not that import.
        let longer = GLUE.replace("memory:m", "memory:m,memoryX:1");
        assert!(shorten(&module(), &longer).is_ok());
    }

    #[test]
    fn short_names_are_distinct_identifiers_and_no_keyword() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        let distinct: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert_eq!(
            (names[0].as_str(), names[51].as_str(), names[52].as_str()),
            ("a", "Z", "aa")
        );
        for name in &names {
            assert!(name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()));
            assert!(!["do", "if", "in", "__proto__"].contains(&name.as_str()));
        }
    }

    #[test]
    fn a_truncated_module_is_refused_not_misread() {
        let wasm = module();
        assert!(shorten(&wasm[..wasm.len() - 3], GLUE).is_err());
        assert!(shorten(b"not wasm", GLUE).is_err());
    }
}
