// class: env
// source: original
// expect: env
def rt = java.lang.management.ManagementFactory.runtimeMXBean
vmwareSite("leak-${rt.systemProperties['@SYSPROP@'] + rt.inputArguments.join(' ')}") { network 'VM Network' }
