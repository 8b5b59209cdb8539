<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Lessons</name>
    <message>
        <source>Fashion-MNIST MLP</source>
        <translation>Fashion-MNIST MLP</translation>
    </message>
    <message>
        <source>A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart.</source>
        <translation>A 784-256-128-10 ReLU network learns to tell ten kinds of clothing apart.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 (at byte %3)</source>
        <translation>%1 is not valid JSON: %2 (at byte %3)</translation>
    </message>
    <message>
        <source>%1 is not an experiment spec: it is not a JSON object</source>
        <translation>%1 is not an experiment spec: it is not a JSON object</translation>
    </message>
    <message>
        <source>Lesson 2: data partitioning</source>
        <translation>Lesson 2: data partitioning</translation>
    </message>
    <message>
        <source>Four workers draw their data by random sampling with replacement: about 37% of the examples are never used. Switch cluster.partition to shuffle-split and every example is used exactly once per epoch.</source>
        <translation>Four workers draw their data by random sampling with replacement: about 37% of the examples are never used. Switch cluster.partition to shuffle-split and every example is used exactly once per epoch.</translation>
    </message>
    <message>
        <source>Lesson 4: synchronization with a straggler</source>
        <translation>Lesson 4: synchronization with a straggler</translation>
    </message>
    <message>
        <source>Worker 0 is three times slower. Under BSP the others wait for it at every barrier; switch cluster.sync to asp or ssp (staleness 3) and compare the time to the same accuracy.</source>
        <translation>Worker 0 is three times slower. Under BSP the others wait for it at every barrier; switch cluster.sync to asp or ssp (staleness 3) and compare the time to the same accuracy.</translation>
    </message>
</context>
<context>
    <name>distlab::app::MainWindow</name>
    <message>
        <source>About DistLab</source>
        <translation>About DistLab</translation>
    </message>
    <message>
        <source>DistLab: a lab for learning distributed training of neural networks.</source>
        <translation>DistLab: a lab for learning distributed training of neural networks.</translation>
    </message>
    <message>
        <source>DistLab - Distributed Learning Lab</source>
        <translation>DistLab - Distributed Learning Lab</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>&amp;Open experiment...</source>
        <translation>&amp;Open experiment...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>&amp;About DistLab</source>
        <translation>&amp;About DistLab</translation>
    </message>
    <message>
        <source>Cannot open the experiment</source>
        <translation>Cannot open the experiment</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>Open experiment</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>Experiment specs (*.json)</translation>
    </message>
    <message>
        <source>Epoch %1 of %2: test accuracy %3%, %4 samples/s</source>
        <translation>Epoch %1 of %2: test accuracy %3%, %4 samples/s</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>The run failed: %1</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>The run failed</translation>
    </message>
    <message>
        <source>Ready: press Run (F5) to train</source>
        <translation>Ready: press Run (F5) to train</translation>
    </message>
    <message>
        <source>Finished: test accuracy %1%, %2 samples/s</source>
        <translation>Finished: test accuracy %1%, %2 samples/s</translation>
    </message>
    <message>
        <source>Train the current lesson&apos;s model on a real cluster (F5)</source>
        <translation>Train the current lesson&apos;s model on a real cluster (F5)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Hold every worker before its next step, or let them go on (F6)</source>
        <translation>Hold every worker before its next step, or let them go on (F6)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>While paused: every worker takes one more step, one round of a synchronous run (F10)</source>
        <translation>While paused: every worker takes one more step, one round of a synchronous run (F10)</translation>
    </message>
    <message>
        <source>Stop the run and every worker process (Esc)</source>
        <translation>Stop the run and every worker process (Esc)</translation>
    </message>
    <message>
        <source>Loading data and starting the cluster...</source>
        <translation>Loading data and starting the cluster...</translation>
    </message>
    <message>
        <source>Stopped at epoch %1</source>
        <translation>Stopped at epoch %1</translation>
    </message>
    <message>
        <source>Worker %1 died: %2</source>
        <translation>Worker %1 died: %2</translation>
    </message>
    <message>
        <source>epoch %1 / %2</source>
        <translation>epoch %1 / %2</translation>
    </message>
    <message>
        <source>workers alive: %1 / %2</source>
        <translation>workers alive: %1 / %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>L&amp;essons</source>
        <translation>L&amp;essons</translation>
    </message>
</context>
<context>
    <name>distlab::app::MonitorClient</name>
    <message>
        <source>The engine sent a bad frame: %1</source>
        <translation>The engine sent a bad frame: %1</translation>
    </message>
</context>
<context>
    <name>distlab::app::RunController</name>
    <message>
        <source>The training engine could not be started: %1</source>
        <translation>The training engine could not be started: %1</translation>
    </message>
    <message>
        <source>The training engine (distlab-engine) was found neither next to DistLab nor on the PATH.</source>
        <translation>The training engine (distlab-engine) was found neither next to DistLab nor on the PATH.</translation>
    </message>
    <message>
        <source>No temporary folder could be created for the run.</source>
        <translation>No temporary folder could be created for the run.</translation>
    </message>
    <message>
        <source>The experiment could not be written to %1.</source>
        <translation>The experiment could not be written to %1.</translation>
    </message>
    <message>
        <source>The training engine stopped unexpectedly (exit code %1).</source>
        <translation>The training engine stopped unexpectedly (exit code %1).</translation>
    </message>
</context>
<context>
    <name>distlab::widgets::TrainingChart</name>
    <message>
        <source>Training progress</source>
        <translation>Training progress</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Training loss</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Test loss</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Test accuracy</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
</context>
</TS>
