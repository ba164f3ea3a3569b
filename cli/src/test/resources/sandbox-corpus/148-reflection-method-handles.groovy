// class: reflection
// source: original
// expect: env
import java.lang.invoke.MethodHandles
import java.lang.invoke.MethodType
def h = MethodHandles.lookup().findStatic(System, 'getProperty', MethodType.methodType(String, String))
vmwareSite("leak-${h.invokeWithArguments('@SYSPROP@')}") { network 'VM Network' }
