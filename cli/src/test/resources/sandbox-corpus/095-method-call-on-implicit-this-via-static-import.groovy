// class: method
// source: original
// expect: env
import static java.lang.System.getenv
import static java.lang.System.getProperty as prop
vmwareSite("leak-${getenv('@ENV_NAME@') + prop('@SYSPROP@')}") { network 'VM Network' }
