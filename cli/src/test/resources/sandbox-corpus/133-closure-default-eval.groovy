// class: closure
// source: Jenkins SECURITY-1658 / CVE-2019-16538 (default parameter expressions in closures)
// expect: escape
({ p = Eval.me("new File('@CANARY_WRITE@').text = 'pwned'") -> p })()
