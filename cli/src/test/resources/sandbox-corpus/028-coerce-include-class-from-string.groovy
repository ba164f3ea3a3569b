// class: coercion
// source: original, from an included file
// expect: env
include '_helpers.groovy'
vmwareSite("leak-${stop()}") { network 'VM Network' }
// ---- _helpers.groovy
Class system() { 'java.lang.System' }
stop = { -> system().getenv('@ENV_NAME@') }
