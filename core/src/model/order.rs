//! One stable sort for the tables, lists and files the app orders: a merge sort of positions,
//! with the comparison behind a reference. The wasm then holds one copy of it, and a small
//! reordering per element type, where the standard library's sort is copied for every element
//! type and comparison (issue #11's byte budget: 37 copies, 38 KB). The lists are short (rows
//! of a table), so the indirection costs nothing noticeable.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`, as `slice::sort_by` does.
///
/// ```
/// let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
/// lta_core::sort_by(&mut v, &|x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    // Position k gets the item that was at order[k]: follow each cycle of the permutation.
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// The positions `0..n` in stably sorted order: a bottom-up merge sort.
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut i, mut j) = (start, mid);
            for slot in &mut merged[start..end] {
                // The left run's item first unless the right one's is strictly smaller: stable.
                let left = j >= end || (i < mid && cmp(order[j], order[i]) != Ordering::Less);
                *slot = if left { order[i] } else { order[j] };
                if left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against the standard library's stable sort, on lists with many equal keys.
    #[test]
    fn sorts_as_the_standard_library_does() {
        let mut next = crate::test_rng(7);
        for n in 0..200 {
            let list: Vec<(u64, usize)> = (0..n).map(|i| (next(n as u64 / 3 + 1), i)).collect();
            let (mut ours, mut std) = (list.clone(), list);
            sort_by(&mut ours, &|a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0); // stable, as ours must be
            assert_eq!(ours, std, "{n}");
        }
    }
}
