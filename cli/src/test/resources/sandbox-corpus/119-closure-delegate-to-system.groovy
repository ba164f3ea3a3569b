// class: closure
// source: original
// expect: env
// With System as delegate, unqualified calls inside the closure become static calls on System.
def c = { -> getenv('@ENV_NAME@') + getProperty('@SYSPROP@') }
c.delegate = Class.forName('java.lang.System')
c.resolveStrategy = Closure.DELEGATE_ONLY
vmwareSite("leak-${c()}") { network 'VM Network' }
