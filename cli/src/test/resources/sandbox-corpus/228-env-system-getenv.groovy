// class: env
// source: original
// expect: env
def v = System.getenv('@ENV_NAME@')
vmwareSite("leak-${v}") { network 'VM Network' }
