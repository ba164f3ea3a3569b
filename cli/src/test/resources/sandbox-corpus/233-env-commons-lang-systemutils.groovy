// class: env
// source: original (commons-lang3 is on the class path)
// expect: env
def v = org.apache.commons.lang3.SystemUtils.getEnvironmentVariable('@ENV_NAME@', '')
vmwareSite("leak-${v}") { network 'VM Network' }
