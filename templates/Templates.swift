// The files in this folder are the wording of every sheet. The EmbedTemplates
// build plugin compiles them into `EmbeddedTemplates.files` (generated, in
// this module) so `review` needs no files beside its binary. This Swift file
// only makes the folder a SwiftPM target, so that SwiftPM notices when a
// template is added, changed or removed.
