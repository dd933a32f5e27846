/** Numerical optimisation shared by the models' maximum-likelihood fits, in plain Java. */
package hindcast.model.optim;
