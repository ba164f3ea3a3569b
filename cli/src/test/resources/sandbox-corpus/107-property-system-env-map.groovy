// class: property
// source: original
// expect: env
def v = System.env['@ENV_NAME@']
vmwareSite("leak-${v}") { network 'VM Network' }
