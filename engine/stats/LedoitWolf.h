// Ledoit-Wolf shrunk covariance of patch features and the Mahalanobis distance built on it, for patch
// purification (the method's Mahalanobis filter).
#pragma once
#include <Eigen/Core>

namespace pb::stats {

struct ShrunkCovariance {
    Eigen::VectorXd mean;  // sklearn's location_
    Eigen::MatrixXd covariance;  // sklearn's covariance_
    double shrinkage = 0;  // sklearn's shrinkage_, in [0, 1]
};

// sklearn.covariance.LedoitWolf().fit(rows) with its defaults (assume_centered=False; block_size=1000
// only splits sklearn's products and changes no value), on the float features converted to double:
// the column means, then the shrinkage of ledoit_wolf_shrinkage and the shrunk empirical covariance
// (divided by n) of the centred rows. One feature: shrinkage 0, as sklearn. Rows are samples.
// Throws pb::Error on no rows, no columns or a non-finite value (sklearn's check_array refuses them).
ShrunkCovariance ledoitWolf(const Eigen::Ref<const Eigen::MatrixXf>& rows);

// d(x) = sqrt(max(0, (x - mean)^T P (x - mean))) with P the inverse of the covariance, from its
// Cholesky factorisation. Where that fails (the covariance is singular, e.g. every row the same, or so
// nearly singular that a pivot is lost in rounding) the method's rule applies: the Euclidean distance
// to the mean; euclidean() then says so.
class MahalanobisScorer {
public:
    explicit MahalanobisScorer(ShrunkCovariance model);

    double distance(const Eigen::Ref<const Eigen::VectorXd>& x) const;
    // One distance per row.
    Eigen::VectorXd distances(const Eigen::Ref<const Eigen::MatrixXf>& rows) const;

    bool euclidean() const { return euclidean_; }
    const Eigen::MatrixXd& precision() const { return precision_; }  // empty when euclidean()
    const ShrunkCovariance& model() const { return model_; }

private:
    ShrunkCovariance model_;
    Eigen::MatrixXd precision_;
    bool euclidean_ = false;
};

}  // namespace pb::stats
