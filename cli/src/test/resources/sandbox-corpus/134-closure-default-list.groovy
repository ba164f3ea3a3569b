// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: list
def v = ({ p = new File('@CANARY_DIR@').list().join(',') -> p })()
vmwareSite("leak-${v}") { network 'VM Network' }
