// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: write
({ p = new File('@CANARY_WRITE@').write('pwned') -> p })()
