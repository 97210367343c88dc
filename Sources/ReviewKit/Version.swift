/// The tool's name and version, as printed in JSON answers (`"generator"`).
public enum ReviewVersion {
    public static let number = "0.1.0"
    public static let generator = "review \(number)"
}
