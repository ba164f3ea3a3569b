// class: env
// source: original
// expect: env
def v = System.getProperty('@SYSPROP@')
vmwareSite("leak-${v}") { network 'VM Network' }
