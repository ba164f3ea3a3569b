// class: closure
// source: original
// expect: env
Class s = 'java.lang.System'
def v = s.with { getenv('@ENV_NAME@') }
vmwareSite("leak-${v}") { network 'VM Network' }
