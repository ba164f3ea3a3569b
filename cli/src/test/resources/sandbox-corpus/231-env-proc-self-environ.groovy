// class: env
// source: original (the environment through /proc)
// expect: env
def v = new File('/proc/self/environ').text.replace('\u0000', ';')
vmwareSite("leak-${v}") { network 'VM Network' }
