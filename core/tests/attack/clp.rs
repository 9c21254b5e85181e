//! COIN-OR Clp, the simplex solver of COIN-OR (and of Cbc), through its own C interface: the few
//! calls the interval attack needs, linked from Debian's `coinor-libclp-dev` (scripts/setup.sh
//! installs it). A model is loaded once and re-solved for each objective.

use std::os::raw::{c_double, c_int, c_void};

#[link(name = "Clp")]
extern "C" {
    fn Clp_newModel() -> *mut c_void;
    fn Clp_deleteModel(model: *mut c_void);
    #[allow(clippy::too_many_arguments)]
    fn Clp_loadProblem(
        model: *mut c_void,
        numcols: c_int,
        numrows: c_int,
        start: *const c_int,
        index: *const c_int,
        value: *const c_double,
        collb: *const c_double,
        colub: *const c_double,
        obj: *const c_double,
        rowlb: *const c_double,
        rowub: *const c_double,
    );
    fn Clp_setLogLevel(model: *mut c_void, value: c_int);
    fn Clp_setOptimizationDirection(model: *mut c_void, value: c_double);
    fn Clp_initialSolve(model: *mut c_void) -> c_int;
    fn ClpSolve_new() -> *mut c_void;
    fn ClpSolve_delete(solve: *mut c_void);
    fn ClpSolve_setPresolveType(solve: *mut c_void, amount: c_int, extra: c_int);
    fn Clp_initialSolveWithOptions(model: *mut c_void, solve: *mut c_void) -> c_int;
    fn Clp_status(model: *mut c_void) -> c_int;
    fn Clp_getColSolution(model: *mut c_void) -> *const c_double;
    fn Clp_chgObjCoefficients(model: *mut c_void, obj: *const c_double);
}

/// A loaded LP: columns with bounds, rows `lo <= Σ a·x <= hi` (column-major here).
pub struct Clp {
    model: *mut c_void,
    cols: usize,
}

/// How a solve ended.
pub enum Outcome {
    /// The optimal point.
    Optimal(Vec<f64>),
    Unbounded,
    Failed(c_int),
}

impl Clp {
    /// `columns[j]` lists the (row, coefficient) pairs of column j.
    pub fn new(col_lo: &[f64], col_hi: &[f64], columns: &[Vec<(usize, f64)>], row_lo: &[f64], row_hi: &[f64]) -> Self {
        let (mut start, mut index, mut value) = (vec![0 as c_int], Vec::new(), Vec::new());
        for col in columns {
            let mut col = col.clone();
            col.sort_by_key(|&(r, _)| r);
            for (r, a) in col {
                index.push(r as c_int);
                value.push(a);
            }
            start.push(index.len() as c_int);
        }
        // Clp's infinity is the largest double.
        let finite = |v: &[f64]| v.iter().map(|&x| x.clamp(f64::MIN, f64::MAX)).collect::<Vec<_>>();
        let (cl, ch, rl, rh) = (finite(col_lo), finite(col_hi), finite(row_lo), finite(row_hi));
        let obj = vec![0.0; columns.len()];
        // SAFETY: every array has the length Clp_loadProblem reads (cols + 1 starts, nnz
        // indices and values, cols bounds and objective, rows bounds); Clp copies them.
        let model = unsafe {
            let model = Clp_newModel();
            Clp_setLogLevel(model, 0);
            Clp_loadProblem(model, columns.len() as c_int, row_lo.len() as c_int, start.as_ptr(), index.as_ptr(), value.as_ptr(), cl.as_ptr(), ch.as_ptr(), obj.as_ptr(), rl.as_ptr(), rh.as_ptr());
            model
        };
        Clp { model, cols: columns.len() }
    }

    /// Optimises the objective.
    pub fn solve(&mut self, maximize: bool) -> Outcome {
        // SAFETY: a loaded model; the solution array has `cols` entries.
        unsafe {
            Clp_setOptimizationDirection(self.model, if maximize { -1.0 } else { 1.0 });
            Clp_initialSolve(self.model);
            if Clp_status(self.model) == 1 {
                // "Infeasible" for an LP the true values satisfy: presolve misjudged a nearly
                // degenerate row (seen once in 1,000 files). Solve again without presolve.
                let options = ClpSolve_new();
                ClpSolve_setPresolveType(options, 1, -1);
                Clp_initialSolveWithOptions(self.model, options);
                ClpSolve_delete(options);
            }
            match Clp_status(self.model) {
                0 => Outcome::Optimal(std::slice::from_raw_parts(Clp_getColSolution(self.model), self.cols).to_vec()),
                2 => Outcome::Unbounded,
                s => Outcome::Failed(s),
            }
        }
    }
}

impl Clp {
    /// Replaces the whole objective (one coefficient per column).
    pub fn set_objective(&mut self, costs: &[f64]) {
        assert_eq!(costs.len(), self.cols);
        // SAFETY: `cols` coefficients; Clp copies them.
        unsafe { Clp_chgObjCoefficients(self.model, costs.as_ptr()) }
    }
}

impl Drop for Clp {
    fn drop(&mut self) {
        // SAFETY: the model was made by Clp_newModel and is dropped once.
        unsafe { Clp_deleteModel(self.model) }
    }
}
