// class: reflection
// source: original
// expect: run
def rt = new java.beans.Expression(Runtime, 'getRuntime', new Object[0]).getValue()
new java.beans.Statement(rt, 'exec', ['touch @MARKER@'] as Object[]).execute()
