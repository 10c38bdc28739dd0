/// The theme files of Themes/, compiled in by the ThemeEmbedder build plugin
/// (`files` is generated), so built-in themes need no files at run time.
enum BuiltInThemes {}
