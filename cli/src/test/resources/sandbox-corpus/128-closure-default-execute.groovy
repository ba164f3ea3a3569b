// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: run
({ p = 'touch @MARKER@'.execute().waitFor() -> p })()
