package io.radflow.stats.survival;

/**
 * Transformation used for the pointwise confidence interval of a survival curve, as the
 * {@code conf.type} argument of R's {@code survfit} (function {@code survival:::survfit_confint}).
 * With {@code z = qnorm(1 - (1 - level) / 2)}, survival {@code S} and {@code se} the Greenwood standard
 * error of {@code log S}:
 * <ul>
 * <li>{@link #LOG} (R's default): {@code exp(log S -/+ z se)}, the upper bound capped at 1; NaN where S = 0.</li>
 * <li>{@link #LOG_LOG}: {@code exp(-exp(log(-log S) -/+ z se / log S))}; NaN where S = 0 or S = 1.</li>
 * <li>{@link #PLAIN}: {@code S -/+ z se S}, clipped to [0, 1].</li>
 * </ul>
 */
public enum ConfidenceType {
    LOG, LOG_LOG, PLAIN;

    /** Parses R's names "log", "log-log", "plain" (case-insensitive; "loglog" and "log_log" accepted). */
    public static ConfidenceType parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "log" -> LOG;
            case "log-log", "loglog" -> LOG_LOG;
            case "plain" -> PLAIN;
            default -> throw new IllegalArgumentException("conf.type must be log, log-log or plain, got '" + text + "'");
        };
    }

    /**
     * The interval {lower, upper} for survival {@code s} whose log has standard error {@code seLog}, with the
     * normal quantile {@code z}.
     */
    double[] interval(double s, double seLog, double z) {
        switch (this) {
            case PLAIN: {
                double half = seLog * s * z;
                return new double[] {Math.max(s - half, 0), Math.min(s + half, 1)};
            }
            case LOG: {
                if (s == 0) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                return new double[] {Math.exp(Math.log(s) - z * seLog), Math.min(Math.exp(Math.log(s) + z * seLog), 1)};
            }
            default: {
                if (s == 0 || s == 1) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double w = z * seLog / Math.log(s);
                double ll = Math.log(-Math.log(s));
                return new double[] {Math.exp(-Math.exp(ll - w)), Math.exp(-Math.exp(ll + w))};
            }
        }
    }
}
