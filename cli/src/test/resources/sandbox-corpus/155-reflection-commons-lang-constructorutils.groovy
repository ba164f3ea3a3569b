// class: reflection
// source: original (a library on the class path does the reflection)
// expect: read
def f = org.apache.commons.lang3.reflect.ConstructorUtils.invokeConstructor(File, '@CANARY_READ@')
vmwareSite("leak-${f.text}") { network 'VM Network' }
