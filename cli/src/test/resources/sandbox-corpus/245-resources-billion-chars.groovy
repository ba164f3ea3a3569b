// class: resources
// source: original
// expect: resources
def s = 'x' * 1_000_000_000
vmwareSite("big-${s.length()}") { network 'VM Network' }
