// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: exit
({ p = System.exit(9) -> p })()
