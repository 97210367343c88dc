import Foundation
import PackagePlugin

/// Compiles every file under the package's `templates/` folder into one Swift
/// source of string constants, so `review` carries its wording inside the
/// binary: no resource bundle to find at run time, nothing to read at start-up,
/// and a new language is just a new folder.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        let files = templateFiles(under: templates)
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) templates",
                executable: try context.tool(named: "template-embedder").url,
                arguments: [templates.path(), output.path()],
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file below `root`, sorted so the generated source is stable.
    private func templateFiles(under root: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            if isFile { files.append(url) }
        }
        return files.sorted { $0.path() < $1.path() }
    }
}
