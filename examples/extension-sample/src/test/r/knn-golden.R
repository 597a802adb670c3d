# Golden file of the k-NN test: leave-one-out k-NN of R's class package (knn.cv) on scaled data.
# Run from examples/extension-sample: Rscript src/test/r/knn-golden.R  (R 4.2.2, class 7.3)
library(class)
set.seed(20240611)
n <- 40
x <- data.frame(x1 = rnorm(n), x2 = rnorm(n, 5, 3), x3 = runif(n, 0, 100))
y <- as.integer(x$x1 + x$x2 / 3 + rnorm(n, 0, 0.7) > 1.6)
out <- NULL
for (k in c(1, 3, 5, 7)) {
  set.seed(1)  # knn.cv breaks vote ties at random; odd k and continuous data have none
  pred <- knn.cv(scale(x), factor(y), k = k, prob = TRUE)
  prob <- attr(pred, "prob")
  p1 <- ifelse(pred == "1", prob, 1 - prob)
  out <- rbind(out, data.frame(k = k, case = seq_len(n), x, y = y, prob1 = p1,
                               pred = as.integer(as.character(pred))))
}
write.csv(format(out, digits = 17), "src/test/resources/knn-golden.csv", row.names = FALSE, quote = FALSE)
