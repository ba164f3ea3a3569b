// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: escape
({ p = Eval.me("new File('@CANARY_WRITE@').text = 'pwned'") -> p })()
