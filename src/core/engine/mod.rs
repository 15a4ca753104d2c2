//! The engine: what the matrix says and what follows from a weighting.
//! Both the page and the reports worker use it; it uses neither.

pub mod details;
#[cfg(test)]
pub(crate) mod fixture;
pub mod insight;
pub mod matrix;
pub mod palette;
pub mod questionnaire;
pub mod radar;
pub mod radar_view;
pub mod recommendation;
pub mod schema;
pub mod score;
pub mod sensitivity;
pub mod share;
pub mod state;

/// Stable insertion sort by an integer key, ascending. The lists here are
/// one entry per criterion (about twenty), and one small shared routine
/// keeps the wasm far smaller than a monomorphised `sort_by_key` per call.
pub fn sort_by_rank<T>(items: &mut [T], rank: impl Fn(&T) -> i64) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && rank(&items[j - 1]) > rank(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_by_rank_is_a_stable_sort(items in proptest::collection::vec((0i64..5, 0u32..1000), 0..40)) {
            let mut ours = items.clone();
            super::sort_by_rank(&mut ours, |&(k, _)| k);
            let mut std = items;
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std);
        }
    }
}
