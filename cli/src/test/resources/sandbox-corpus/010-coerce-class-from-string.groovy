// class: coercion
// source: original
// expect: run
// A String assigned to a Class variable is turned into Class.forName(string).
Class rt = 'java.lang.Runtime'
rt.getRuntime().exec(['touch', '@MARKER@'] as String[]).waitFor()
