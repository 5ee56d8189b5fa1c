/**
 * The one record the document template takes ({@link com.toaide.render.view.Document}): the
 * published page's head facts, with the entity markup as content written beforehand by the
 * renderer's PageWriter.
 *
 * <p>Imports: the JDK and jte only.
 */
package com.toaide.render.view;
