import ReviewKit
print(ReviewVersion.generator)
