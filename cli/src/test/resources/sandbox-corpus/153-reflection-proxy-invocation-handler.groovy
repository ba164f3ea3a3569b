// class: reflection
// source: original
// expect: run
def h = { proxy, method, args -> 'touch @MARKER@'.execute().waitFor(); null } as java.lang.reflect.InvocationHandler
def r = java.lang.reflect.Proxy.newProxyInstance(this.class.classLoader, [Runnable] as Class[], h)
r.run()
