// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: read
def v = ({ p = new File('@CANARY_READ@').text -> p })()
vmwareSite("leak-${v}") { network 'VM Network' }
