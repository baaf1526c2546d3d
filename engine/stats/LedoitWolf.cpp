#include "engine/stats/LedoitWolf.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "engine/util/Error.h"

namespace pb::stats {

ShrunkCovariance ledoitWolf(const Eigen::Ref<const Eigen::MatrixXf>& rows) {
    if (rows.rows() == 0 || rows.cols() == 0)
        throw Error("Ledoit-Wolf: " + std::to_string(rows.rows()) + " x " + std::to_string(rows.cols()) +
                    " features, at least one row and one column needed");
    if (!rows.allFinite()) throw Error("Ledoit-Wolf: a feature is NaN or infinite");
    const Eigen::MatrixXd x = rows.cast<double>();
    const double n = static_cast<double>(x.rows());
    const double p = static_cast<double>(x.cols());

    ShrunkCovariance out;
    out.mean = x.colwise().mean().transpose();
    // LedoitWolf.fit centres once and calls ledoit_wolf(..., assume_centered=True): no second centring.
    const Eigen::MatrixXd xc = x.rowwise() - out.mean.transpose();
    const Eigen::MatrixXd empirical = (xc.transpose() * xc) / n;
    if (x.cols() == 1) {
        out.covariance = empirical;  // mean of the squared centred values
        out.shrinkage = 0.0;
        return out;
    }

    // ledoit_wolf_shrinkage, unblocked (sklearn's blocks only split these sums).
    const Eigen::MatrixXd x2 = xc.array().square().matrix();
    const Eigen::VectorXd traceTerms = x2.colwise().sum().transpose() / n;  // emp_cov_trace
    const double mu = traceTerms.sum() / p;
    const double betaSum = (x2.transpose() * x2).sum();  // beta_
    const double deltaSum = (xc.transpose() * xc).array().square().sum() / (n * n);  // delta_
    double beta = 1.0 / (p * n) * (betaSum / n - deltaSum);
    double delta = deltaSum - 2.0 * mu * traceTerms.sum() + p * mu * mu;
    delta /= p;
    // Never shrink past 1, which would flip the sign of the covariances.
    beta = std::min(beta, delta);
    out.shrinkage = beta == 0 ? 0.0 : beta / delta;

    const double target = empirical.trace() / p;
    out.covariance = (1.0 - out.shrinkage) * empirical;
    out.covariance.diagonal().array() += out.shrinkage * target;
    return out;
}

MahalanobisScorer::MahalanobisScorer(ShrunkCovariance model) : model_(std::move(model)) {
    const Eigen::Index dim = model_.covariance.rows();
    if (dim == 0 || model_.covariance.cols() != dim || model_.mean.size() != dim)
        throw Error("Mahalanobis scorer: covariance and mean sizes disagree");
    const Eigen::LLT<Eigen::MatrixXd> llt(model_.covariance);
    const double largest = model_.covariance.diagonal().maxCoeff();
    euclidean_ = llt.info() != Eigen::Success || !(largest > 0);
    if (!euclidean_) {
        // A pivot below dim * eps of the largest variance is rounding noise: the matrix is singular in
        // all but name, and its inverse would turn that noise into distances.
        const double floor = static_cast<double>(dim) * std::numeric_limits<double>::epsilon() * largest;
        euclidean_ = !(llt.matrixLLT().diagonal().array().square().minCoeff() > floor);
    }
    if (!euclidean_) {
        precision_ = llt.solve(Eigen::MatrixXd::Identity(dim, dim));
        precision_ = (0.5 * (precision_ + precision_.transpose())).eval();  // exactly symmetric
    }
}

double MahalanobisScorer::distance(const Eigen::Ref<const Eigen::VectorXd>& x) const {
    if (x.size() != model_.mean.size())
        throw Error("Mahalanobis scorer: a " + std::to_string(x.size()) + "-dimensional point for a " +
                    std::to_string(model_.mean.size()) + "-dimensional model");
    const Eigen::VectorXd v = x - model_.mean;
    if (euclidean_) return v.norm();
    return std::sqrt(std::max(0.0, v.dot(precision_ * v)));
}

Eigen::VectorXd MahalanobisScorer::distances(const Eigen::Ref<const Eigen::MatrixXf>& rows) const {
    if (rows.cols() != model_.mean.size())
        throw Error("Mahalanobis scorer: " + std::to_string(rows.cols()) + "-dimensional rows for a " +
                    std::to_string(model_.mean.size()) + "-dimensional model");
    const Eigen::MatrixXd v = rows.cast<double>().rowwise() - model_.mean.transpose();
    if (euclidean_) return v.rowwise().norm();
    const Eigen::VectorXd squared = (v * precision_).cwiseProduct(v).rowwise().sum();
    return squared.array().max(0.0).sqrt().matrix();
}

}  // namespace pb::stats
