// class: property
// source: original
// expect: env
def v = System.properties['@SYSPROP@']
vmwareSite("leak-${v}") { network 'VM Network' }
