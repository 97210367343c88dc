import Foundation
import PackagePlugin

/// Compiles every file under the package's `templates/` folder into one Swift
/// source of string constants, so `review` carries its wording inside the
/// binary: no resource bundle to find at run time, nothing to read at start-up,
/// and a new language is just a new folder.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let templates = target.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        let (files, folders) = contents(of: templates)
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) templates",
                executable: try context.tool(named: "template-embedder").url,
                arguments: [templates.path(), output.path()],
                // The folders are inputs too: SwiftPM may reuse this plugin's
                // answer across builds, and a folder's modification time is
                // what changes when a template is added or removed.
                inputFiles: [templates] + folders + files,
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file and folder below `root`, sorted so the generated
    /// source is stable.
    private func contents(of root: URL) -> (files: [URL], folders: [URL]) {
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey])
        var files: [URL] = []
        var folders: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isRegularFile == true { files.append(url) }
            if values?.isDirectory == true { folders.append(url) }
        }
        return (files.sorted { $0.path() < $1.path() }, folders.sorted { $0.path() < $1.path() })
    }
}
