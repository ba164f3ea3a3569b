// class: script-escape
// source: original
// expect: read
def e = new GroovyScriptEngine('@CANARY_DIR@')
vmwareSite("leak-${e.run('secret.txt', new Binding())}") { network 'VM Network' }
