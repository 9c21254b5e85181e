//! Splitting whole numbers exactly: largest-remainder rounding and fitting a matrix to its
//! margins. Plain f64 arithmetic in a fixed order, so results are identical on every machine.

/// Splits `total` into parts proportional to `weights` that sum exactly to `total`
/// (largest remainder; ties go to the lower index). All-zero weights split evenly.
pub fn largest_remainder(total: u64, weights: &[f64]) -> Vec<u64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let sum: f64 = weights.iter().sum();
    let weights: Vec<f64> = if sum > 0.0 {
        weights.to_vec()
    } else {
        vec![1.0; weights.len()]
    };
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let given: u64 = parts.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    for &i in order
        .iter()
        .cycle()
        .take(total.saturating_sub(given) as usize)
    {
        parts[i] += 1;
    }
    parts
}

/// Iterative proportional fitting: scales `prior` (rows × columns, zeros stay zero) until its
/// row and column sums match the targets (which must have the same total).
pub fn fit_margins(prior: &[Vec<f64>], row_targets: &[f64], col_targets: &[f64]) -> Vec<Vec<f64>> {
    let mut x = prior.to_vec();
    for _ in 0..200 {
        for (row, &target) in x.iter_mut().zip(row_targets) {
            let sum: f64 = row.iter().sum();
            if sum > 0.0 {
                row.iter_mut().for_each(|v| *v *= target / sum);
            }
        }
        for (c, &target) in col_targets.iter().enumerate() {
            let sum: f64 = x.iter().map(|row| row[c]).sum();
            if sum > 0.0 {
                x.iter_mut().for_each(|row| row[c] *= target / sum);
            }
        }
    }
    x
}

/// Rounds a fitted matrix to whole numbers with exact column sums (`col_totals`). Every allowed
/// cell (prior > 0) gets at least 1 where its column has enough to go round. With `row_totals`
/// the row sums are made exact too, by moving single units within a column from a row with too
/// many to a row with too few, where that distorts the fit least.
pub fn round_matrix(
    x: &[Vec<f64>],
    col_totals: &[u32],
    row_totals: Option<&[u32]>,
) -> Vec<Vec<u32>> {
    let (rows, cols) = (x.len(), col_totals.len());
    let mut m = vec![vec![0u32; cols]; rows];
    for c in 0..cols {
        let allowed: Vec<usize> = (0..rows).filter(|&r| x[r][c] > 0.0).collect();
        let total = col_totals[c] as u64;
        let floor_one = total >= allowed.len() as u64;
        let base = if floor_one { 1.0 } else { 0.0 };
        let rest = total - if floor_one { allowed.len() as u64 } else { 0 };
        let weights: Vec<f64> = allowed.iter().map(|&r| (x[r][c] - base).max(0.0)).collect();
        for (&r, part) in allowed.iter().zip(largest_remainder(rest, &weights)) {
            m[r][c] = part as u32 + base as u32;
        }
    }
    let Some(row_totals) = row_totals else {
        return m;
    };
    loop {
        let diff: Vec<i64> = (0..rows)
            .map(|r| m[r].iter().map(|&v| v as i64).sum::<i64>() - row_totals[r] as i64)
            .collect();
        let Some(from) = (0..rows)
            .filter(|&r| diff[r] > 0)
            .max_by_key(|&r| (diff[r], std::cmp::Reverse(r)))
        else {
            break;
        };
        let to = (0..rows)
            .filter(|&r| diff[r] < 0)
            .min_by_key(|&r| (diff[r], r))
            .expect("row totals must sum to the column totals");
        // Prefer not to empty a cell; then the move that brings both cells closest to the fit.
        let best = (0..cols)
            .filter(|&c| m[from][c] > 0 && x[to][c] > 0.0)
            .map(|c| {
                let keeps_one = m[from][c] > 1 || x[from][c] <= 0.0;
                let gain = (m[from][c] as f64 - x[from][c]) + (x[to][c] - m[to][c] as f64);
                (c, keeps_one, gain)
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(b.0.cmp(&a.0)))
            .expect("no perceel can move a child between these landsdelen");
        m[from][best.0] -= 1;
        m[to][best.0] += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_sums_exactly() {
        assert_eq!(largest_remainder(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
        assert_eq!(largest_remainder(5, &[0.0, 0.0]), vec![3, 2]);
        assert_eq!(
            largest_remainder(7, &[0.5, 0.25, 0.25]).iter().sum::<u64>(),
            7
        );
    }

    #[test]
    fn round_matrix_keeps_both_margins() {
        let prior = vec![
            vec![1.0, 2.0, 0.0],
            vec![3.0, 1.0, 1.0],
            vec![1.0, 1.0, 1.0],
        ];
        let (rows, cols) = ([10u32, 13, 7], [12u32, 9, 9]);
        let rf: Vec<f64> = rows.iter().map(|&v| v as f64).collect();
        let cf: Vec<f64> = cols.iter().map(|&v| v as f64).collect();
        let m = round_matrix(&fit_margins(&prior, &rf, &cf), &cols, Some(&rows));
        for r in 0..3 {
            assert_eq!(m[r].iter().sum::<u32>(), rows[r]);
        }
        for c in 0..3 {
            assert_eq!(m.iter().map(|row| row[c]).sum::<u32>(), cols[c]);
        }
        assert_eq!(m[0][2], 0);
    }
}
